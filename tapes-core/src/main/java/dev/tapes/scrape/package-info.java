/**
 * Answering a scrape: content negotiation, the subtree a path selects, status codes and the
 * role check, written once for every HTTP endpoint ({@code HttpReporter}, tapes-jaxrs'
 * {@code MetricsResource}, the aggregator's). An endpoint adapts its server's request to
 * {@link dev.tapes.scrape.ScrapeHandler} and writes back what it answers.
 */
package dev.tapes.scrape;
