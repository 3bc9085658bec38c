import type { AssessmentStatus, FindingStatus, Severity } from './domain';

// The app's words for stored codes, shared by chips, forms and the History (window and CLI).

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  resolved: 'Resolved',
  accepted: 'Risk accepted',
};

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  'in-progress': 'In progress',
  review: 'In review',
  final: 'Final',
};
