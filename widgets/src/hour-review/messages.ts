// <tandem-hour-review>'s texts.
export const messages = {
  sl: {
    'review.title': 'Potrjevanje ur',
    'review.waiting': 'Čaka na pregled: {count}',
    'review.empty': 'Ni ur, ki bi čakale na vaš pregled.',
    'review.note': 'Opomba za prostovoljca',
    'review.noteHint': 'Pri zavrnitvi je obvezna.',
    'review.noteRequired': 'Napišite, zakaj ure zavračate.',
    'review.approve': 'Potrdi',
    'review.reject': 'Zavrni',
    'review.approved': 'Potrjeno: {duration} ({name}, {date}).',
    'review.rejected': 'Zavrnjeno: {duration} ({name}, {date}).',
    'review.more': 'Naloži več',
  },
  en: {
    'review.title': 'Review hours',
    'review.waiting': 'Waiting for review: {count}',
    'review.empty': 'No hours are waiting for your review.',
    'review.note': 'Note to the volunteer',
    'review.noteHint': 'Required when rejecting.',
    'review.noteRequired': 'Say why you are rejecting the hours.',
    'review.approve': 'Approve',
    'review.reject': 'Reject',
    'review.approved': 'Approved: {duration} ({name}, {date}).',
    'review.rejected': 'Rejected: {duration} ({name}, {date}).',
    'review.more': 'Load more',
  },
};
