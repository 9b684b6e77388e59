/**
 * The {@code mtasts} command line: {@link dev.mtasts.cli.Main} and its picocli command tree; the
 * runnable jar starts at {@link dev.mtasts.cli.Start}.
 *
 * <p>Exit status for scripts: 0 success (valid, ready), 1 the input is invalid or the verdict is
 * negative, 2 a usage error or a file that cannot be opened.
 */
@NullMarked
package dev.mtasts.cli;

import org.jspecify.annotations.NullMarked;
