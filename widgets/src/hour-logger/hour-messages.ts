// Texts about hour entries shared by <tandem-hour-logger> and <tandem-hour-review>.
export const hourMessages = {
  sl: {
    'hours.status.SUBMITTED': 'Čaka na potrditev',
    'hours.status.APPROVED': 'Potrjeno',
    'hours.status.REJECTED': 'Zavrnjeno',
    'hours.workType.CONTENT': 'Vsebinsko delo',
    'hours.workType.ORGANISATIONAL': 'Organizacijsko delo',
    'hours.workType.OTHER': 'Drugo delo',
    'hours.reviewNote': 'Opomba ({name}):',
  },
  en: {
    'hours.status.SUBMITTED': 'Waiting for review',
    'hours.status.APPROVED': 'Approved',
    'hours.status.REJECTED': 'Rejected',
    'hours.workType.CONTENT': 'Content work',
    'hours.workType.ORGANISATIONAL': 'Organisational work',
    'hours.workType.OTHER': 'Other work',
    'hours.reviewNote': 'Note ({name}):',
  },
};
