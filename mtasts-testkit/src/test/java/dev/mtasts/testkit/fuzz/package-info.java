/** Jazzer fuzz tests of every parser, and the corpus replay through the same contracts. */
@NullMarked
package dev.mtasts.testkit.fuzz;

import org.jspecify.annotations.NullMarked;
