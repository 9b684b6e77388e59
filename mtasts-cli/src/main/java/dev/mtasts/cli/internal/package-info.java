/** Implementation of the {@code mtasts} command: input, JSON and text output, progress, domain folders. */
@NullMarked
package dev.mtasts.cli.internal;

import org.jspecify.annotations.NullMarked;
