// Every event a Tandem widget fires. All bubble and cross shadow roots
// (composed), so a host page listens on the element or on `document`:
//   document.addEventListener('tandem-signed-up', (e) => console.log(e.detail.applicationId));

/** An event class of the contract: `new TandemXEvent(detail)` bubbles and leaves shadow roots. */
function eventClass<Detail extends object>(name: string) {
  return class extends CustomEvent<Detail> {
    // Events without a detail are made with no argument.
    constructor(...[detail]: Record<string, never> extends Detail ? [] : [Detail]) {
      super(name, { bubbles: true, composed: true, detail: detail ?? ({} as Detail) });
    }
  };
}

export interface SignedUpDetail {
  /** Global id of the application. */
  applicationId: string;
  /** Global id of the opportunity. */
  opportunityId: string;
  /** PENDING or WAITLISTED (or the status of an earlier identical sign-up). */
  status: string;
}

export interface HoursLoggedDetail {
  /** Global id of the hour entry. */
  hourLogId: string;
}

export interface HourReviewedDetail {
  hourLogId: string;
  /** APPROVED or REJECTED. */
  status: string;
}

export interface EvaluationSubmittedDetail {
  /** Global id of the evaluation response. */
  responseId: string;
}

export interface EvaluationSavedDetail {
  /** Global id of the saved draft. */
  draftId: string;
}

export interface ErrorDetail {
  /** A stable code: the API's (e.g. RATE_LIMITED, OPPORTUNITY_NOT_OPEN) or NETWORK. */
  code: string;
  /** The message shown, in the widget's language. */
  message: string;
}

type NoDetail = Record<string, never>;

/** A volunteer signed up (`<tandem-signup>`). */
export const TandemSignedUpEvent = eventClass<SignedUpDetail>('tandem-signed-up');
export type TandemSignedUpEvent = InstanceType<typeof TandemSignedUpEvent>;
/** A volunteer signed in (any widget with a sign-in form); detail `{}`. */
export const TandemSignedInEvent = eventClass<NoDetail>('tandem-signed-in');
export type TandemSignedInEvent = InstanceType<typeof TandemSignedInEvent>;
/** The volunteer signed out; detail `{}`. */
export const TandemSignedOutEvent = eventClass<NoDetail>('tandem-signed-out');
export type TandemSignedOutEvent = InstanceType<typeof TandemSignedOutEvent>;
/** Hours were logged (`<tandem-hour-logger>`). */
export const TandemHoursLoggedEvent = eventClass<HoursLoggedDetail>('tandem-hours-logged');
export type TandemHoursLoggedEvent = InstanceType<typeof TandemHoursLoggedEvent>;
/** A mentor or coordinator approved or rejected hours (`<tandem-hour-review>`). */
export const TandemHourReviewedEvent = eventClass<HourReviewedDetail>('tandem-hour-reviewed');
export type TandemHourReviewedEvent = InstanceType<typeof TandemHourReviewedEvent>;
/** An evaluation was submitted (`<tandem-evaluation>`). */
export const TandemEvaluationSubmittedEvent = eventClass<EvaluationSubmittedDetail>('tandem-evaluation-submitted');
export type TandemEvaluationSubmittedEvent = InstanceType<typeof TandemEvaluationSubmittedEvent>;
/** An evaluation draft was saved (`<tandem-evaluation>`). */
export const TandemEvaluationSavedEvent = eventClass<EvaluationSavedDetail>('tandem-evaluation-saved');
export type TandemEvaluationSavedEvent = InstanceType<typeof TandemEvaluationSavedEvent>;
/** Something went wrong that the widget shows as a form-level message. */
export const TandemErrorEvent = eventClass<ErrorDetail>('tandem-error');
export type TandemErrorEvent = InstanceType<typeof TandemErrorEvent>;

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-signed-up': TandemSignedUpEvent;
    'tandem-signed-in': TandemSignedInEvent;
    'tandem-signed-out': TandemSignedOutEvent;
    'tandem-hours-logged': TandemHoursLoggedEvent;
    'tandem-hour-reviewed': TandemHourReviewedEvent;
    'tandem-evaluation-submitted': TandemEvaluationSubmittedEvent;
    'tandem-evaluation-saved': TandemEvaluationSavedEvent;
    'tandem-error': TandemErrorEvent;
  }
}
