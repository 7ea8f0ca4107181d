import { Entity } from '@backstage/catalog-model';
import {
  isHttpUrl,
  isSafeLinkUrl,
  RUNBOOK_LINK_TYPE,
  RunbookKind,
} from '@internal/backstage-plugin-reliability-common';
import { RunbookDraft } from './types';

const MAX_LINKS = 50;

/** Guesses a link's kind from its title; links have no front matter, so "Rollback ..." is the best hint. */
export function kindFromTitle(title: string): RunbookKind {
  if (/roll[\s-]?back/i.test(title)) return 'rollback';
  if (/pre[\s-]?mortem/i.test(title)) return 'premortem';
  if (/post[\s-]?mortem|incident review/i.test(title)) return 'postmortem';
  return 'runbook';
}

/**
 * True when the URL is a TechDocs page: a `/docs/<namespace>/<kind>/<name>/...` path of this Backstage app,
 * either relative or under `appBaseUrl`.
 */
export function isTechDocsUrl(url: string, appBaseUrl?: string): boolean {
  let path = url;
  if (isHttpUrl(url)) {
    if (!appBaseUrl || !isHttpUrl(appBaseUrl)) return false;
    const base = new URL(appBaseUrl);
    const target = new URL(url);
    if (target.origin !== base.origin) return false;
    const basePath = base.pathname.replace(/\/+$/, '');
    if (!target.pathname.startsWith(`${basePath}/`)) return false;
    path = target.pathname.slice(basePath.length);
  }
  return /^\/docs\/[^/]+\/[^/]+\/[^/]+(\/|$)/i.test(path);
}

function titleFromUrl(url: string): string {
  const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || url;
  } catch {
    return last || url;
  }
}

/**
 * Runbooks declared as `metadata.links` entries with `type: runbook`. Links to TechDocs pages are marked as such;
 * links with any scheme other than http(s) (or a relative path) are kept, without a URL, and flagged.
 */
export function runbooksFromLinks(
  entity: Entity,
  options: { appBaseUrl?: string } = {},
): RunbookDraft[] {
  const links = (entity.metadata.links ?? [])
    .filter(link => link?.type === RUNBOOK_LINK_TYPE)
    .slice(0, MAX_LINKS);
  return links.map(link => {
    const rawUrl = typeof link.url === 'string' ? link.url.trim() : '';
    const title = (
      link.title?.trim() ||
      titleFromUrl(rawUrl) ||
      'Runbook'
    ).slice(0, 200);
    const safe =
      rawUrl !== '' && isSafeLinkUrl(rawUrl) && !rawUrl.startsWith('#');
    return {
      preferredId: title,
      entry: {
        title,
        kind: kindFromTitle(title),
        answers: [],
        owner: null,
        lastReviewed: null,
        url: safe ? rawUrl : null,
        source:
          safe && isTechDocsUrl(rawUrl, options.appBaseUrl)
            ? 'techdocs'
            : 'link',
        location: null,
        error: safe
          ? null
          : `Link URL is not an http(s) URL or a path of this app, so it is not shown`,
      },
      body: null,
    };
  });
}
