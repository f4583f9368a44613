// <tandem-evaluation>'s texts.
export const messages = {
  sl: {
    'evaluation.signInFirst': 'Za izpolnjevanje se prijavite.',
    'evaluation.notFound': 'Vprašalnika ni mogoče najti.',
    'evaluation.retired': 'Ta vprašalnik je zamenjala novejša različica.',
    'evaluation.noOrganization': 'Gradniku manjka atribut organization (organizacija, za katero je ocena).',
    'evaluation.scaleMeaning': '{min} pomeni »{minLabel}«, {max} pomeni »{maxLabel}«.',
    'evaluation.competence': 'Kompetenca: {name}',
    'evaluation.required': 'Odgovorite na to vprašanje.',
    'evaluation.submit': 'Oddaj oceno',
    'evaluation.submitted': 'Hvala! Vaši odgovori so oddani.',
    'evaluation.saveDraft': 'Shrani osnutek',
    'evaluation.saved': 'Osnutek je shranjen ({time}).',
    'evaluation.resumed': 'Nadaljujete osnutek, shranjen {time}.',
  },
  en: {
    'evaluation.signInFirst': 'Sign in to fill in the evaluation.',
    'evaluation.notFound': 'The questionnaire cannot be found.',
    'evaluation.retired': 'A newer version has replaced this questionnaire.',
    'evaluation.noOrganization':
      'The widget lacks its organization attribute (the organisation the evaluation is for).',
    'evaluation.scaleMeaning': '{min} means “{minLabel}”, {max} means “{maxLabel}”.',
    'evaluation.competence': 'Competence: {name}',
    'evaluation.required': 'Answer this question.',
    'evaluation.submit': 'Submit',
    'evaluation.submitted': 'Thank you! Your answers have been submitted.',
    'evaluation.saveDraft': 'Save draft',
    'evaluation.saved': 'Draft saved ({time}).',
    'evaluation.resumed': 'You are continuing the draft saved {time}.',
  },
};
