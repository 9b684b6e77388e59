/**
 * Baselines: the code a developer would write in an afternoon without the SDK ({@code
 * String.split} and regular expressions, {@code String.format}, jackson-databind's tree model, a
 * {@code HashMap} keyed by concatenated strings). They do the same job as the SDK call they are
 * measured against, so the ratio between the two means something.
 */
@NullMarked
package dev.mtasts.benchmarks.baseline;

import org.jspecify.annotations.NullMarked;
