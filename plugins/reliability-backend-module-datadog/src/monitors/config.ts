import { Config } from '@backstage/config';
import { ProviderConfigError } from '@internal/backstage-plugin-reliability-node';
import {
  DatadogAlertSourceOptions,
  DEFAULT_PAGING_HANDLES,
} from './DatadogAlertSource';

const TAG = /^[A-Za-z][\w.:/-]{0,199}$/;

/** Reads `reliability.datadog.monitors` (all optional). */
export function readDatadogMonitorsConfig(
  config: Config,
): DatadogAlertSourceOptions {
  const section = config.getOptionalConfig('reliability.datadog.monitors');
  const monitorTags = section?.getOptionalStringArray('tags') ?? [];
  const bad = monitorTags.find(tag => !TAG.test(tag));
  if (bad !== undefined) {
    throw new ProviderConfigError(
      'Datadog',
      `reliability.datadog.monitors.tags: '${bad}' is not a Datadog tag such as team:payments`,
    );
  }
  const pagingHandles =
    section?.getOptionalStringArray('pagingHandles') ?? DEFAULT_PAGING_HANDLES;
  return { monitorTags, pagingHandles };
}
