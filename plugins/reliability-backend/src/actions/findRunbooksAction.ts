import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';
import { entityRefField, loadActionEntity } from './actionEntity';
import { defineAction, READ_ONLY } from './defineAction';
import { runbookOutput, runbookSchema } from './runbookOutput';
import { symptomTerms } from './symptomTerms';
import { RunbookReader } from './sources';

/** Most runbooks one call returns. */
export const MAX_FOUND_RUNBOOKS = 20;
/** Longest alert name or symptom text accepted (the runbook search's own limit). */
const MAX_TEXT = 200;

const DESCRIPTION = `
Finds the runbooks of a service for an alert that fired or for a symptom someone describes. Use it when an alert
fires ("checkout-availability-fast-burn is paging, what do I do?") or for "payments is slow, is there a runbook?".

Input: the service (kind Component by default), and an alert name (an SLO alert policy name or an SLO name)
and/or a symptom in plain words. With neither, every runbook of the service is returned.
Output: runbooks best match first. matchedBy is "alert" when the SLO alert (or the SLO) names the runbook,
"text" when words of the alert name or symptom appear in the runbook (matchedTerms lists them), "all" without a
query. alertLinks shows the SLO alerts matching the alert name and the runbook each links to (runbook null: the
alert has no runbook - say so). stale runbooks have not been reviewed recently. Open a runbook at its url.
`.trim();

type Found = { entry: RunbookEntry; byAlert: boolean; terms: Set<string> };

/** Adds runbooks to `found`: the whole text first; if nothing matches every word, each word on its own. */
async function searchText(
  runbooks: RunbookReader,
  entity: Entity,
  text: string,
  found: Map<string, Found>,
): Promise<void> {
  const add = (entries: RunbookEntry[], terms: string[]) => {
    for (const entry of entries) {
      const item = found.get(entry.id) ?? {
        entry,
        byAlert: false,
        terms: new Set<string>(),
      };
      terms.forEach(term => item.terms.add(term));
      found.set(entry.id, item);
    }
  };
  const terms = symptomTerms(text);
  const whole = await runbooks.list(entity, text);
  if (whole.runbooks.length > 0 || terms.length <= 1) {
    add(whole.runbooks, terms.length > 0 ? terms : [text.trim()]);
    return;
  }
  for (const term of terms) {
    add((await runbooks.list(entity, term)).runbooks, [term]);
  }
}

function matchedBy(query: boolean, byAlert: boolean): 'all' | 'alert' | 'text' {
  if (!query) return 'all';
  return byAlert ? 'alert' : 'text';
}

/** `find-runbooks`: runbooks of a service for an alert name or a symptom text, read with the caller's credentials. */
export function createFindRunbooksAction(deps: {
  catalog: CatalogService;
  runbooks: RunbookReader;
}) {
  return defineAction({
    name: 'find-runbooks',
    title: 'Find runbooks for an alert or a symptom',
    description: DESCRIPTION,
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefField(z, 'The service'),
          alert: z
            .string()
            .trim()
            .min(1)
            .max(MAX_TEXT)
            .optional()
            .describe('Name of the alert that fired, or of the SLO'),
          symptom: z
            .string()
            .trim()
            .min(1)
            .max(MAX_TEXT)
            .optional()
            .describe('What is wrong, in plain words (e.g. "checkout slow")'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          runbooks: z.array(
            runbookSchema(z).extend({
              matchedBy: z.enum(['alert', 'text', 'all']),
              matchedTerms: z.array(z.string()),
            }),
          ),
          alertLinks: z.array(
            z.object({
              slo: z.string(),
              alert: z.string(),
              runbook: z
                .object({
                  id: z.string().nullable(),
                  title: z.string().nullable(),
                  url: z.string().nullable(),
                })
                .nullable(),
              problem: z.string().nullable(),
            }),
          ),
          totalRunbooks: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entity } = await loadActionEntity(
        deps.catalog,
        input.entityRef,
        'component',
        credentials,
      );
      const all = await deps.runbooks.list(entity, undefined);
      const found = new Map<string, Found>();
      const same = (a: string, b: string) =>
        a.toLowerCase() === b.toLowerCase();
      const alertLinks = input.alert
        ? all.coverage.alerts.filter(
            link =>
              same(link.alert, input.alert!) || same(link.slo, input.alert!),
          )
        : [];
      for (const link of alertLinks) {
        const entry = all.runbooks.find(r => r.id === link.runbook?.id);
        if (entry) {
          found.set(entry.id, { entry, byAlert: true, terms: new Set() });
        }
      }
      for (const text of [input.alert, input.symptom]) {
        if (text) {
          await searchText(deps.runbooks, entity, text, found);
        }
      }
      const query = Boolean(input.alert || input.symptom);
      const ranked = query
        ? [...found.values()].sort(
            (a, b) =>
              Number(b.byAlert) - Number(a.byAlert) ||
              b.terms.size - a.terms.size ||
              Number(a.entry.stale) - Number(b.entry.stale) ||
              a.entry.title.localeCompare(b.entry.title),
          )
        : all.runbooks.map(entry => ({
            entry,
            byAlert: false,
            terms: new Set<string>(),
          }));
      return {
        output: {
          entityRef: entityRefKey(entity),
          runbooks: ranked.slice(0, MAX_FOUND_RUNBOOKS).map(item => ({
            ...runbookOutput(item.entry),
            matchedBy: matchedBy(query, item.byAlert),
            matchedTerms: [...item.terms],
          })),
          alertLinks: alertLinks.map(link => ({
            slo: link.slo,
            alert: link.alert,
            runbook: link.runbook,
            problem: link.problem,
          })),
          totalRunbooks: all.total,
        },
      };
    },
  });
}
