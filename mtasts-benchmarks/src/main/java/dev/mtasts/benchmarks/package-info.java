/**
 * JMH benchmarks of the SDK's parsers, serializers, MX matching, report reading and aggregation.
 *
 * <p>Every benchmark class measures the SDK and, in the same class and the same run, a
 * straightforward baseline from {@link dev.mtasts.benchmarks.baseline}; a method {@code foo}
 * pairs with {@code fooBaseline}. {@code bench/run} at the repository root runs them and prints
 * one table with the ratio of each to its baseline.
 */
@NullMarked
package dev.mtasts.benchmarks;

import org.jspecify.annotations.NullMarked;
