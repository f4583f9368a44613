import {
  ApplicationStatus,
  EvaluationKind,
  EvaluationQuestionType,
  Gender,
  HourLogStatus,
  IndicatorKind,
  OpportunityStatus,
  OrganizationKind,
  PartnerRole,
  QuestionType,
  Role,
  WorkType,
} from '@tandem/db';
import { builder } from '../builder.ts';

export const OrganizationKindEnum = builder.enumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of body an organisation is.',
});
export const PartnerRoleEnum = builder.enumType(PartnerRole, {
  name: 'PartnerRole',
  description: "An organisation's role in a partnership project.",
});
export const IndicatorKindEnum = builder.enumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: 'COUNT indicators have a numeric target; MILESTONE ones are done or not.',
});
export const RoleEnum = builder.enumType(Role, { name: 'Role', description: "A person's role in an organisation." });
export const OpportunityStatusEnum = builder.enumType(OpportunityStatus, {
  name: 'OpportunityStatus',
  description: 'DRAFT is visible to staff only; PUBLISHED accepts sign-ups; CLOSED no longer does.',
});
export const QuestionTypeEnum = builder.enumType(QuestionType, {
  name: 'SignupQuestionType',
  description: 'How a custom sign-up question is answered.',
});
export const ApplicationStatusEnum = builder.enumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'Where a sign-up stands.',
});
export const WorkTypeEnum = builder.enumType(WorkType, {
  name: 'WorkType',
  description: 'Type of volunteer work as the law counts it (ZProst): organisational, content or other.',
});
export const HourLogStatusEnum = builder.enumType(HourLogStatus, {
  name: 'HourLogStatus',
  description: 'Whether a mentor or coordinator has confirmed the hours.',
});
export const GenderEnum = builder.enumType(Gender, {
  name: 'Gender',
  description: 'Optional; reported only in aggregate.',
});
export const EvaluationKindEnum = builder.enumType(EvaluationKind, {
  name: 'EvaluationKind',
  description: 'Who evaluates what.',
});
export const EvaluationQuestionTypeEnum = builder.enumType(EvaluationQuestionType, {
  name: 'EvaluationQuestionType',
  description: 'How an evaluation question is answered.',
});
