/**
 * TLS-RPT reports (RFC 8460): the model, JSON reading and writing, aggregation and report generation.
 */
@NullMarked
package dev.mtasts.tlsrpt;

import org.jspecify.annotations.NullMarked;
