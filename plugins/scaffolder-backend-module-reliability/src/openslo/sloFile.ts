import { InputError } from '@backstage/errors';
import {
  SloDefinition,
  SloDefinitionError,
  validateOpenSloDocuments,
} from '@internal/backstage-plugin-reliability-common';
import { stringify } from 'yaml';
import { alertPolicyDocuments } from './alertPolicyDocuments';
import {
  OpenSloDocument,
  sloDocument,
  SliSource,
  SloRequest,
} from './sloDocuments';

/** What a template asks `reliability:slo:create` for. */
export interface SloFileRequest {
  service: string;
  source: SliSource;
  slos: SloRequest[];
  /** Runbook id or URL named by every SLO and alert policy. */
  runbook?: string;
  /** Write the default multiwindow burn-rate alert policies (default true). */
  alerts?: boolean;
}

function describeErrors(errors: SloDefinitionError[]): string {
  return errors
    .map(
      error =>
        [error.document, error.path].filter(Boolean).join(' ') +
        (error.document || error.path ? ': ' : '') +
        error.message,
    )
    .join('; ');
}

/** Validates OpenSLO documents with the suite's own parser; any problem fails with its messages. */
function validated(documents: OpenSloDocument[]): SloDefinition[] {
  const { slos, errors } = validateOpenSloDocuments(documents);
  if (errors.length > 0) {
    throw new InputError(`Invalid SLO definition: ${describeErrors(errors)}`);
  }
  return slos;
}

/**
 * The OpenSLO file of a template's SLOs: one `SLO` document per requested SLO, with alert policies sized for its
 * window, validated with `validateOpenSloDocuments` (the parser the backend reads the file with) before and after
 * the alerts are added. An invalid target, window or name throws an InputError carrying the parser's message.
 */
export function buildSloFile(request: SloFileRequest): {
  yaml: string;
  definitions: SloDefinition[];
} {
  if (request.slos.length === 0) {
    throw new InputError('Invalid SLO definition: no SLO requested');
  }
  const documents = request.slos.map(slo =>
    sloDocument({
      service: request.service,
      source: request.source,
      request: slo,
      runbook: request.runbook,
    }),
  );
  const plain = validated(documents);
  if (request.alerts ?? true) {
    documents.forEach((document, index) => {
      (document.spec as Record<string, unknown>).alertPolicies =
        alertPolicyDocuments({
          sloName: plain[index].name,
          window: plain[index].window,
          runbook: request.runbook,
        });
    });
  }
  const definitions = validated(documents);
  const yaml = documents
    .map(document => `---\n${stringify(document, { lineWidth: 0 })}`)
    .join('');
  return {
    yaml: `# SLOs of ${request.service} (OpenSLO v1), written by the "Adopt SLOs" template.\n${yaml}`,
    definitions,
  };
}
