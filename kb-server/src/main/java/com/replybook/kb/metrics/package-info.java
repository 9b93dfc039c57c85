/**
 * Operations metrics: {@code GET /metrics} in the Prometheus text format behind its own bearer token, requests by
 * route template and status, and the JVM's memory, GC and threads. Features record their own meters through
 * {@code Platform.metrics()}.
 */
package com.replybook.kb.metrics;
