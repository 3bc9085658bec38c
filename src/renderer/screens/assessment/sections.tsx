import type { ComponentType } from 'react';
import type { AssessmentDetails } from '../../../shared/contract/assessments';
import type { Route } from '../../navigation';
import { CatalogsSection } from './CatalogsSection';
import { DetailsSection } from './DetailsSection';
import { EvidenceSection } from './EvidenceSection';
import { ExportSection } from './ExportSection';
import { FindingsSection } from './findings/FindingsSection';
import { HistorySection } from './HistorySection';
import { OrganisationSection } from './OrganisationSection';
import { OverviewSection } from './OverviewSection';
import { ZonesSection } from './zones/ZonesSection';

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
  { id: 'overview', label: 'Overview', Component: OverviewSection },
  { id: 'details', label: 'Details', Component: DetailsSection },
  { id: 'organisation', label: 'Organisation (2-1)', Component: OrganisationSection },
  { id: 'zones', label: 'Zones and conduits', Component: ZonesSection },
  { id: 'findings', label: 'Findings', Component: FindingsSection },
  { id: 'catalogs', label: 'Catalogs', Component: CatalogsSection },
  { id: 'evidence', label: 'Evidence', Component: EvidenceSection },
  { id: 'export', label: 'Export', Component: ExportSection },
  { id: 'history', label: 'History', Component: HistorySection },
];
