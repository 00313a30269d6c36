/**
 * What Tapes' own adapters (tapes-cdi, tapes-jaxrs, tapes-distributed) share: name templates,
 * the configuration sources, durations, the naming rules of metrics and the class behind a
 * container's proxy. <b>Not API</b>: public only because Java has no other way to share across
 * JARs without modules; it may change in any release. Applications use {@code dev.tapes} and
 * the packages of the formats and reporters.
 */
package dev.tapes.internal;
