import { maturityChartSvg } from '../../../core/charts/maturityChart';
import { slChartSvg } from '../../../core/charts/slChart';
import type { SlVector, Spe } from '../../../core/domain';
import { TEXT_FONT, withFontRuns } from './pdfFonts';

// The dashboard's own chart functions, with the text drawn in the report's bundled fonts.

export function slChart(zoneName: string, target: SlVector, achieved: SlVector, id: string): string {
  return withFontRuns(slChartSvg(zoneName, target, achieved, { fontFamily: TEXT_FONT, id }));
}

export function maturityChart(maturity: Record<Spe, number | null>, target: number): string {
  return withFontRuns(maturityChartSvg(maturity, target, { fontFamily: TEXT_FONT }));
}
