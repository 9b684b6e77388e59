package dev.mtasts.cli.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds the report files named on the command line: files as given, folders searched recursively
 * for {@code .json} and {@code .json.gz} files (RFC 8460 §5.3 names), in a stable order.
 */
public final class ReportFiles {
  /**
   * One report file to read, or a folder that could not be searched.
   *
   * @param label the name to show: the path as found, or {@code <stdin>}
   * @param path the file, or {@code null} for standard input
   * @param problem why the entry cannot be read, or {@code null} when it can be tried
   */
  public record Entry(String label, @Nullable Path path,
      @Nullable String problem) {

    /**
     * Validates the label.
     *
     * @param label the name to show
     * @param path the file, or {@code null} for standard input
     * @param problem why the entry cannot be read, or {@code null}
     */
    public Entry {
      Objects.requireNonNull(label, "label");
    }
  }

  private ReportFiles() {}

  /**
   * Returns whether a file name looks like a report: {@code .json} or {@code .json.gz}, any case.
   *
   * @param name the file name
   * @return whether a folder search picks it up
   */
  public static boolean isReportName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".json.gz");
  }

  /**
   * Lists the report files under the given paths.
   *
   * @param arguments files, folders, or {@code -} for standard input
   * @return the entries: those from one folder sorted by path, in argument order otherwise
   * @throws CommandFailure with exit status 2 when an argument does not exist
   */
  public static List<Entry> find(List<String> arguments) {
    List<Entry> entries = new ArrayList<>();
    for (String argument : arguments) {
      if (Inputs.STDIN.equals(argument)) {
        entries.add(new Entry("<stdin>", null, null));
        continue;
      }
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        entries.addAll(walk(path));
      } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.exists(path)) {
        entries.add(new Entry(argument, path, null));
      } else {
        throw new CommandFailure(ExitStatus.USAGE, "cannot open " + argument + ": no such file or folder");
      }
    }
    return entries;
  }

  private static List<Entry> walk(Path root) {
    List<Entry> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && isReportName(file.getFileName().toString())) {
            found.add(new Entry(file.toString(), file, null));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          found.add(new Entry(file.toString(), file, "cannot open: " + Inputs.reason(e)));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      found.add(new Entry(root.toString(), root, "cannot open: " + Inputs.reason(e)));
    }
    Collections.sort(found, (a, b) -> a.label().compareTo(b.label()));
    return found;
  }
}
