/**
 * Command-line helpers used by {@code bench/run}: the JMH result table, the end-to-end data
 * generator and the retained-memory measurement.
 */
@NullMarked
package dev.mtasts.benchmarks.tools;

import org.jspecify.annotations.NullMarked;
