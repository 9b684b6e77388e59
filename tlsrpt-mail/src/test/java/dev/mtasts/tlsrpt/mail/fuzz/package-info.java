/** The Jazzer fuzz target of the report mail reader. */
@NullMarked
package dev.mtasts.tlsrpt.mail.fuzz;

import org.jspecify.annotations.NullMarked;
