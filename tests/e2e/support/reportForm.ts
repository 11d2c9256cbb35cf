/** Filling the report form as an analyst would: by keyboard-reachable, labelled fields. */
import type { Page } from 'playwright-core';

export interface FormReport {
  lat: number;
  lon: number;
  date: string;
  category: string;
  /** The radio's label: High, Moderate or Low. */
  confidence: 'High' | 'Moderate' | 'Low';
  summary: string;
  source: { publisher: string; title: string; date: string; url: string };
}

/** Open the form, type the report (coordinates typed, not clicked), save it and wait for the form to close. */
export async function addReportViaForm(page: Page, r: FormReport): Promise<void> {
  await page.getByRole('button', { name: 'Add report' }).click();
  const form = page.getByRole('dialog', { name: 'Add a report' });
  await form.waitFor();
  await page.locator('#rf-lat').fill(String(r.lat));
  await page.locator('#rf-lon').fill(String(r.lon));
  await page.locator('#rf-lon').blur();
  await form.getByRole('radio', { name: /^Settlement/ }).check();
  await page.locator('#rf-date').fill(r.date);
  await page.locator('#rf-category').selectOption(r.category);
  await form.getByRole('radio', { name: new RegExp(`^${r.confidence}`) }).check();
  await page.locator('#rf-summary').fill(r.summary);
  await page.locator('#rf-sources-0-publisher').fill(r.source.publisher);
  await page.locator('#rf-sources-0-title').fill(r.source.title);
  await page.locator('#rf-sources-0-date').fill(r.source.date);
  await page.locator('#rf-sources-0-url').fill(r.source.url);
  await form.getByRole('button', { name: 'Save report' }).click();
  await form.waitFor({ state: 'detached' });
}

/** A report at the Khasan crossing, written through the form (test data). */
export const KHASAN_REPORT: FormReport = {
  lat: 42.43,
  lon: 130.64,
  date: '2025-11-20',
  category: 'munitions-shipment',
  confidence: 'Moderate',
  summary: 'A border watcher reported covered wagons crossing towards Khasan.',
  source: { publisher: 'Example Border Watch', title: 'Covered wagons at the crossing', date: '2025-11-21', url: 'https://example.org/border/khasan' },
};
