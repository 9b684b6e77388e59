/**
 * Deterministic benchmark data: policies, pattern lists, records, synthetic TLS-RPT reports in
 * RFC 8460 JSON, and access to the real-world corpus read in place.
 */
@NullMarked
package dev.mtasts.benchmarks.data;

import org.jspecify.annotations.NullMarked;
