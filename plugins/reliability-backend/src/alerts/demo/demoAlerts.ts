import { AlertState } from '@internal/backstage-plugin-reliability-common';

/**
 * DEMO DATA: the alert inventories of the Parcelly demo catalog (examples/catalog), written to the embedded alert
 * source when `reliability.demo.seedAlerts` is on. Firing times are relative to the seeding run, so the history
 * always covers the last 30 days. It shows: SLO burn alerts whose runbooks come from the runbook index (their
 * names are the SLO alert policy names the demo runbooks answer), cause-based alerts with `runbook_url`, a paging
 * alert without a runbook (checkout-api), a noisy paging alert (cart-cache), a tier-1 service with SLOs but no
 * paging alert (psp-adapter), and a shared resource two tier-1 services depend on with no monitor at all
 * (payment-events-topic, deliberately absent below).
 */
export interface DemoAlert {
  id: string;
  name: string;
  state: AlertState;
  severity: string;
  pages: boolean;
  runbookUrl?: string;
  description: string;
  query: string;
  /** Firings: `count` of them, the newest `firstHoursAgo` before the run, `everyHours` apart, each `minutes` long. */
  firings?: {
    count: number;
    firstHoursAgo: number;
    everyHours: number;
    minutes: number;
  };
}

/** Demo inventories by entity ref (namespace default). */
export type DemoAlertInventories = Record<string, DemoAlert[]>;

const WIKI = 'https://wiki.parcelly.example/runbooks';

/**
 * An SLO burn alert as Prometheus would evaluate it. `state` follows the demo SLI data of the SLO
 * (`demoProfile` in examples/reliability/slo): `paging` fires the fast burn (and the slow), `burning` the slow burn,
 * so the alert's state here agrees with the SLO card's.
 */
const burn = (
  service: string,
  slo: 'availability' | 'latency',
  speed: 'fast' | 'slow',
  firings?: DemoAlert['firings'],
  state: AlertState = 'ok',
): DemoAlert => ({
  id: `slo/${service}-${slo}-${speed}-burn`,
  name: `${service}-${slo}-${speed}-burn`,
  state,
  severity: speed === 'fast' ? 'critical' : 'warning',
  pages: speed === 'fast',
  description: `${service} is burning its ${slo} error budget ${
    speed === 'fast' ? '14.4x' : '6x'
  } faster than allowed`,
  query: `slo:sli_error:ratio_rate${
    speed === 'fast' ? '1h' : '6h'
  }{service="${service}",slo="${slo}"} > ${
    speed === 'fast' ? 14.4 : 6
  } * (1 - 0.999)`,
  firings,
});

export const DEMO_ALERTS: DemoAlertInventories = {
  'component:default/checkout-api': [
    burn('checkout-api', 'availability', 'fast', {
      count: 2,
      firstHoursAgo: 80,
      everyHours: 190,
      minutes: 42,
    }),
    // checkout-api-availability is `burning`: its slow burn fires.
    burn('checkout-api', 'availability', 'slow', undefined, 'firing'),
    burn('checkout-api', 'latency', 'fast', {
      count: 1,
      firstHoursAgo: 300,
      everyHours: 1,
      minutes: 25,
    }),
    {
      id: 'k8s/CheckoutPodsNotReady',
      name: 'CheckoutPodsNotReady',
      state: 'ok',
      severity: 'critical',
      pages: true,
      // No runbook: lowers the runbook coverage of the checkout-payments team.
      description: 'Fewer than 2 checkout-api pods are ready',
      query:
        'sum(kube_deployment_status_replicas_ready{deployment="checkout-api"}) < 2',
      firings: { count: 1, firstHoursAgo: 72, everyHours: 1, minutes: 18 },
    },
  ],
  'component:default/order-api': [
    burn('order-api', 'availability', 'fast'),
    burn('order-api', 'latency', 'fast', {
      count: 1,
      firstHoursAgo: 150,
      everyHours: 1,
      minutes: 35,
    }),
    {
      id: 'k8s/OrderApiCrashLooping',
      name: 'OrderApiCrashLooping',
      state: 'ok',
      severity: 'warning',
      pages: false,
      runbookUrl: `${WIKI}/kubernetes/crashloop`,
      description: 'An order-api pod restarted more than 3 times in 15 minutes',
      query:
        'increase(kube_pod_container_status_restarts_total{container="order-api"}[15m]) > 3',
    },
  ],
  'component:default/payments': [
    // payments-availability is `paging`: its fast burn fires now.
    burn(
      'payments',
      'availability',
      'fast',
      { count: 2, firstHoursAgo: 140, everyHours: 200, minutes: 95 },
      'firing',
    ),
    {
      id: 'psp/PspTimeoutsHigh',
      name: 'PspTimeoutsHigh',
      state: 'ok',
      severity: 'critical',
      pages: true,
      runbookUrl: `${WIKI}/payments/psp-timeouts`,
      description: 'More than 2% of PSP calls time out',
      query:
        'sum(rate(psp_requests_total{outcome="timeout"}[5m])) / sum(rate(psp_requests_total[5m])) > 0.02',
      firings: { count: 3, firstHoursAgo: 146, everyHours: 160, minutes: 55 },
    },
  ],
  // Tier-1 with SLOs, but nothing here pages anyone: a gap.
  'component:default/psp-adapter': [
    {
      id: 'psp/PspAdapterRetriesHigh',
      name: 'PspAdapterRetriesHigh',
      state: 'ok',
      severity: 'warning',
      pages: false,
      description: 'The PSP adapter retries more than 5% of its calls',
      query:
        'sum(rate(psp_adapter_retries_total[10m])) / sum(rate(psp_adapter_calls_total[10m])) > 0.05',
      firings: { count: 4, firstHoursAgo: 30, everyHours: 120, minutes: 70 },
    },
  ],
  'component:default/cart-service': [
    // Its SLO data is healthy, so the fast burn does not fire (the SLO card says OK) ...
    burn('cart-service', 'availability', 'fast'),
    {
      // ... while a cause alert fires beside the open demo incident (elevated 5xx after a Redis node
      // replacement), below the error rate that would burn the budget fast enough to page.
      id: 'k8s/CartServiceErrorsElevated',
      name: 'CartServiceErrorsElevated',
      state: 'firing',
      severity: 'warning',
      pages: false,
      runbookUrl: `${WIKI}/cart/errors-elevated`,
      description: 'More than 0.5% of cart-service requests fail with a 5xx',
      query:
        'sum(rate(http_requests_total{service="cart-service",code=~"5.."}[10m])) / sum(rate(http_requests_total{service="cart-service"}[10m])) > 0.005',
      firings: { count: 1, firstHoursAgo: 1, everyHours: 1, minutes: 60 },
    },
  ],
  'resource:default/cart-cache': [
    {
      // The noisy one: pages about 40 times a month and clears itself within minutes.
      id: 'redis/CartCacheMemoryHigh',
      name: 'CartCacheMemoryHigh',
      state: 'firing',
      severity: 'critical',
      pages: true,
      runbookUrl: `${WIKI}/redis/memory`,
      description: 'cart-cache uses more than 85% of maxmemory',
      query:
        'redis_memory_used_bytes{instance="cart-cache"} / redis_memory_max_bytes > 0.85',
      firings: { count: 40, firstHoursAgo: 0.2, everyHours: 17, minutes: 4 },
    },
    {
      id: 'redis/CartCacheDown',
      name: 'CartCacheDown',
      state: 'ok',
      severity: 'critical',
      pages: true,
      runbookUrl: `${WIKI}/redis/down`,
      description: 'cart-cache does not answer',
      query: 'redis_up{instance="cart-cache"} == 0',
    },
  ],
  'resource:default/orders-db': [
    {
      id: 'postgres/OrdersDbReplicationLag',
      name: 'OrdersDbReplicationLag',
      state: 'ok',
      severity: 'critical',
      pages: true,
      runbookUrl: `${WIKI}/postgres/replication-lag`,
      description: 'The orders-db replica is more than 30 s behind',
      query: 'pg_replication_lag_seconds{cluster="orders-db"} > 30',
      firings: { count: 2, firstHoursAgo: 220, everyHours: 240, minutes: 48 },
    },
    {
      id: 'postgres/OrdersDbConnectionsSaturated',
      name: 'OrdersDbConnectionsSaturated',
      state: 'ok',
      severity: 'warning',
      pages: false,
      runbookUrl: `${WIKI}/postgres/connections`,
      description: 'orders-db uses more than 90% of max_connections',
      query:
        'sum(pg_stat_activity_count{cluster="orders-db"}) / pg_settings_max_connections > 0.9',
    },
  ],
  'resource:default/payments-db': [
    {
      id: 'postgres/PaymentsDbReplicationLag',
      name: 'PaymentsDbReplicationLag',
      state: 'ok',
      severity: 'critical',
      pages: true,
      runbookUrl: `${WIKI}/postgres/replication-lag`,
      description: 'The payments-db replica is more than 30 s behind',
      query: 'pg_replication_lag_seconds{cluster="payments-db"} > 30',
    },
    {
      id: 'postgres/PaymentsDbDiskFilling',
      name: 'PaymentsDbDiskFilling',
      state: 'no-data',
      severity: 'critical',
      pages: true,
      runbookUrl: `${WIKI}/postgres/disk`,
      description: 'payments-db will run out of disk within 4 hours',
      query:
        'predict_linear(node_filesystem_avail_bytes{cluster="payments-db"}[6h], 4 * 3600) < 0',
    },
  ],
  'resource:default/checkout-session-store': [
    {
      id: 'redis/CheckoutSessionStoreDown',
      name: 'CheckoutSessionStoreDown',
      state: 'ok',
      severity: 'critical',
      pages: true,
      runbookUrl: `${WIKI}/redis/down`,
      description: 'checkout-session-store does not answer',
      query: 'redis_up{instance="checkout-session-store"} == 0',
    },
  ],
  'resource:default/order-events-topic': [
    {
      id: 'kafka/OrderEventsConsumerLag',
      name: 'OrderEventsConsumerLag',
      state: 'ok',
      severity: 'warning',
      pages: false,
      runbookUrl: `${WIKI}/kafka/consumer-lag`,
      description:
        'Consumers of order-events are more than 10 000 messages behind',
      query: 'sum(kafka_consumergroup_lag{topic="order-events"}) > 10000',
      firings: { count: 3, firstHoursAgo: 50, everyHours: 96, minutes: 30 },
    },
  ],
  'resource:default/event-bus': [
    {
      id: 'kafka/EventBusUnderReplicatedPartitions',
      name: 'EventBusUnderReplicatedPartitions',
      state: 'ok',
      severity: 'critical',
      pages: true,
      runbookUrl: `${WIKI}/kafka/under-replicated`,
      description: 'The event bus has under-replicated partitions',
      query: 'sum(kafka_server_replicamanager_underreplicatedpartitions) > 0',
      firings: { count: 1, firstHoursAgo: 400, everyHours: 1, minutes: 22 },
    },
    {
      id: 'kafka/EventBusBrokerDown',
      name: 'EventBusBrokerDown',
      state: 'ok',
      severity: 'critical',
      pages: true,
      runbookUrl: `${WIKI}/kafka/broker-down`,
      description: 'A Kafka broker of the event bus is down',
      query: 'count(kafka_brokers) < 3',
    },
  ],
  'resource:default/identity-db': [
    {
      id: 'postgres/IdentityDbReplicationLag',
      name: 'IdentityDbReplicationLag',
      state: 'ok',
      severity: 'critical',
      pages: true,
      runbookUrl: `${WIKI}/postgres/replication-lag`,
      description: 'The identity-db replica is more than 30 s behind',
      query: 'pg_replication_lag_seconds{cluster="identity-db"} > 30',
    },
  ],
  // payment-events-topic: no monitor at all, though payments and psp-adapter (both tier-1) depend on it.
};
