/** Generators behind {@link dev.mtasts.testkit.MtaStsArbitraries}; not part of the API. */
@NullMarked
package dev.mtasts.testkit.internal;

import org.jspecify.annotations.NullMarked;
