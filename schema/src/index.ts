// Assembles the schema: importing each domain file registers its types,
// queries and mutations with the builder.
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import './types/error.ts';
import './types/enums.ts';
import './types/region.ts';
import './types/area.ts';
import './types/organization.ts';
import './types/project.ts';
import './types/person.ts';
import './types/opportunity.ts';
import './types/application.ts';
import './types/hour-log.ts';
import './types/evaluation.ts';
import './types/evaluation-draft.ts';
import './types/evaluation-round.ts';
import './types/evaluation-template-admin.ts';
import './types/evaluation-aggregate.ts';
import './types/report.ts';
import './types/hour-rate.ts';
import './types/agreement.ts';
import './types/certificate.ts';
import './types/audit-log.ts';
import './types/api-key.ts';
import './types/membership.ts';
import './types/privacy.ts';
import './types/account.ts';
import './types/indicator.ts';
import './types/mentor-assignment.ts';
import './types/learning-goal.ts';
import './types/intervision.ts';

export const schema = builder.toSchema({ sortSchema: false });

/** The SDL as committed in schema/schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export type { Context, Locale, Viewer, RequestApiKey } from './context.ts';
export type { Mailer, MailMessage } from './mail.ts';
export { Access, PERMISSIONS, SECRET_KEY_SCOPES, type Permission } from './access.ts';
export { hashSecret, newSecret } from './secrets.ts';
export { createSession } from './sessions.ts';
export { SIGN_IN_CODE_MINUTES } from './types/account.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export { audit } from './audit.ts';
export { createApiKey, revokeApiKey, normalizeOrigin, type ApiKeyInput } from './api-keys.ts';
export { addMember } from './members.ts';
export { InputError, NotFoundError, RuleError, ConflictError, TandemError } from './errors.ts';
export { t, type MessageKey } from './i18n.ts';
export { executeLean } from './lean-execution.ts';
export { RawJson } from './raw-json.ts';
export { sendDueEvaluationReminders, type ReminderResult } from './evaluation/reminders.ts';
// The legal record: reports, hour rates, certificates and retention (for api routes and the CLI).
export { readableAnnualReport, reportCsv } from './types/report.ts';
export { annualReportFileName } from './reports/csv.ts';
export { setHourRates } from './reports/hour-rates.ts';
export { printableCertificate, certificateHtml, certificatePdf } from './certificates/print.ts';
export { purgeExpired } from './privacy/retention.ts';
