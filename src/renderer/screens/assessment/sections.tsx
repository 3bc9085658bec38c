import type { ComponentType } from 'react';
import type { AssessmentDetails } from '../../../shared/contract/assessments';
import type { Route } from '../../navigation';
import { CatalogsSection } from './CatalogsSection';
import { DetailsSection } from './DetailsSection';
import { EvidenceSection } from './EvidenceSection';
import { ExportSection } from './ExportSection';
import { HistorySection } from './HistorySection';

export interface SectionProps {
  assessment: AssessmentDetails;
  onChanged: () => void;
  route: Extract<Route, { name: 'assessment' }>;
}

export interface Section {
  id: string;
  label: string;
  Component: ComponentType<SectionProps>;
}

/** The workspace sidebar, in order. Each area adds its section here. */
export const SECTIONS: Section[] = [
  { id: 'details', label: 'Details', Component: DetailsSection },
  { id: 'catalogs', label: 'Catalogs', Component: CatalogsSection },
  { id: 'evidence', label: 'Evidence', Component: EvidenceSection },
  { id: 'export', label: 'Export', Component: ExportSection },
  { id: 'history', label: 'History', Component: HistorySection },
];
