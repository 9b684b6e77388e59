package dev.mtasts.cli.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the report files named on the command line: files as given, folders searched recursively
 * for {@code .json} and {@code .json.gz} files (RFC 8460 §5.3 names) and for mail (an {@code .eml}
 * message, an mbox file, the messages of a Maildir's {@code cur/} and {@code new/}; told by content,
 * whatever the name), in a stable order.
 *
 * <p>A folder walk follows symbolic links (a loop of links is reported once, never followed round),
 * reads a file reached both directly and through a link once, and never opens anything but a
 * regular file, so a FIFO named {@code x.json} cannot block it. What it does not read is {@link
 * Search#skipped() listed} with the reason: files that are neither reports nor mail ({@code .txt},
 * a Maildir's {@code tmp/} and index files...), dangling links, FIFOs, sockets and devices, loops.
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

  /**
   * A file that a folder walk found and did not read, and why.
   *
   * @param file the path as found
   * @param reason why it is not read, in words
   */
  public record Skipped(String file, String reason) {
    /**
     * Validates the parts.
     *
     * @param file the path as found
     * @param reason why it is not read
     */
    public Skipped {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * What a search found.
   *
   * @param entries the files to read, in order
   * @param skipped the files found and not read, in order
   */
  public record Search(List<Entry> entries, List<Skipped> skipped) {
    /**
     * Copies the lists.
     *
     * @param entries the files to read
     * @param skipped the files not read
     */
    public Search {
      entries = List.copyOf(entries);
      skipped = List.copyOf(skipped);
    }
  }

  /** The reason given for a file whose name is not a report's. */
  public static final String NOT_A_REPORT =
      "not a report or a mail (.json and .json.gz reports, .eml, mbox and Maildir mail are read)";

  /** The reason given for the files of a Maildir's {@code tmp/}. */
  public static final String MAILDIR_TMP = "in a Maildir's tmp/: a message still being delivered";

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
   * @throws CommandFailure with exit status 2 when an argument does not exist or is empty
   */
  public static List<Entry> find(List<String> arguments) {
    return search(arguments).entries();
  }

  /**
   * Lists the report files under the given paths, and the files found and not read.
   *
   * @param arguments files, folders, or {@code -} for standard input
   * @return the entries (those from one folder sorted by path, in argument order otherwise) and
   *     the skipped files
   * @throws CommandFailure with exit status 2 when an argument does not exist or is empty
   */
  public static Search search(List<String> arguments) {
    List<Entry> entries = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (String argument : arguments) {
      if (Inputs.STDIN.equals(argument)) {
        entries.add(new Entry("<stdin>", null, null));
        continue;
      }
      if (argument.isEmpty()) {
        // Path.of("") is the current folder: an empty argument (an unset variable) must not walk it.
        throw CommandFailure.usage("a PATH is empty; give a report file, a folder, or - for standard input");
      }
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        walk(path, entries, skipped);
      } else if (Files.exists(path)) {
        entries.add(new Entry(argument, path, null));
      } else if (Files.isSymbolicLink(path)) {
        entries.add(new Entry(argument, path, "cannot open: " + danglingLink(path)));
      } else {
        throw new CommandFailure(ExitStatus.USAGE, "cannot open " + argument + ": no such file or folder");
      }
    }
    return new Search(entries, skipped);
  }

  private static void walk(Path root, List<Entry> entries, List<Skipped> skipped) {
    List<Entry> found = new ArrayList<>();
    List<Skipped> notRead = new ArrayList<>();
    // The file key (device and inode on Unix) of each file found, as the walk saw it through its
    // links: only files that share one can be the same file, so only they need their real path.
    IdentityHashMap<Entry, Object> fileKeys = new IdentityHashMap<>();
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString();
              if (attrs.isSymbolicLink()) {
                // With FOLLOW_LINKS, a link's own attributes mean its target does not exist.
                notRead.add(new Skipped(file.toString(), danglingLink(file)));
              } else if (!attrs.isRegularFile()) {
                notRead.add(new Skipped(file.toString(), isReportName(name)
                    ? "not a regular file (a FIFO, socket or device): not opened, so the walk cannot block on it"
                    : "not a regular file (a FIFO, socket or device)"));
              } else if (isDomainFolderFile(file)) {
                notRead.add(new Skipped(file.toString(), DOMAIN_FOLDER_FILE));
              } else if (isReportName(name)) {
                add(file, attrs);
              } else if (inMaildirTmp(file)) {
                notRead.add(new Skipped(file.toString(), MAILDIR_TMP));
              } else if (ReportLoader.isMail(file)) {
                add(file, attrs);
              } else {
                notRead.add(new Skipped(file.toString(), notAReport(name)));
              }
              return FileVisitResult.CONTINUE;
            }

            private void add(Path file, BasicFileAttributes attrs) {
              Entry entry = new Entry(file.toString(), file, null);
              found.add(entry);
              Object key = attrs.fileKey();
              if (key != null) {
                fileKeys.put(entry, key);
              }
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (e instanceof FileSystemLoopException) {
                notRead.add(new Skipped(file.toString(),
                    "a link back to a folder above it (a loop of symbolic links): not followed again"));
              } else {
                found.add(new Entry(file.toString(), file, "cannot open: " + Inputs.reason(e)));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      found.add(new Entry(root.toString(), root, "cannot open: " + Inputs.reason(e)));
    }
    Collections.sort(found, (a, b) -> a.label().compareTo(b.label()));
    Collections.sort(notRead, (a, b) -> a.file().compareTo(b.file()));
    dropSecondPaths(found, notRead, fileKeys);
    entries.addAll(found);
    skipped.addAll(notRead);
  }

  /**
   * Reads a file reached both directly and through a link (or through two links) once: the path
   * without links is kept, or else the first in order; the others are listed as skipped. Two paths
   * of one file have the same file key, so a file whose key no other file has is kept without
   * asking for its real path (which costs system calls for every folder of the path: a tenth of
   * the CPU time of a summary of 100,000 small reports); a file without a key is asked.
   */
  private static void dropSecondPaths(List<Entry> found, List<Skipped> notRead, Map<Entry, Object> fileKeys) {
    Map<Object, Integer> keyCounts = new HashMap<>();
    for (Object key : fileKeys.values()) {
      keyCounts.merge(key, 1, Integer::sum);
    }
    Map<Path, Entry> byRealPath = new HashMap<>();
    List<Entry> kept = new ArrayList<>();
    for (Entry e : found) {
      Path path = e.path();
      Object key = fileKeys.get(e);
      boolean unique = key != null && keyCounts.getOrDefault(key, 0) == 1;
      Path real = path == null || e.problem() != null || unique ? null : realPath(path);
      if (real == null) {
        kept.add(e);
        continue;
      }
      Entry first = byRealPath.get(real);
      if (first == null) {
        byRealPath.put(real, e);
        kept.add(e);
        continue;
      }
      boolean direct = real.equals(Objects.requireNonNull(path).toAbsolutePath().normalize());
      Entry dropped = direct ? first : e;
      Entry reader = direct ? e : first;
      if (direct) {
        kept.set(kept.indexOf(first), e);
        byRealPath.put(real, e);
      }
      notRead.add(new Skipped(dropped.label(), "the same file as " + reader.label() + " (reached through a link): read once"));
    }
    found.clear();
    found.addAll(kept);
    Collections.sort(notRead, (a, b) -> a.file().compareTo(b.file()));
  }

  private static @Nullable Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  private static String danglingLink(Path link) {
    try {
      return "a symbolic link to " + Files.readSymbolicLink(link) + ", which does not exist";
    } catch (IOException e) {
      return "a symbolic link whose target does not exist";
    }
  }

  /**
   * The files that a domain folder holds beside {@code reports/} (the policy, the TXT values, the MX
   * hosts, the publication history, the known senders): not reports, though {@code history.json}
   * is named like one.
   */
  private static final Set<String> DOMAIN_FOLDER_FILES = Set.of(DomainFolder.POLICY_FILE,
      DomainFolder.STS_FILE, DomainFolder.TLSRPT_FILE, DomainFolder.MX_FILE, "history.json", "senders.txt");

  /** The reason given for a domain folder's own files. */
  public static final String DOMAIN_FOLDER_FILE = "a domain folder's own file, not a report";

  private static boolean isDomainFolderFile(Path file) {
    Path parent = file.getParent();
    return DOMAIN_FOLDER_FILES.contains(file.getFileName().toString())
        && parent != null
        && (Files.exists(parent.resolve(DomainFolder.POLICY_FILE))
            || Files.isDirectory(parent.resolve(DomainFolder.REPORTS_DIR)));
  }

  /** Maildir: {@code tmp/} beside {@code cur/} or {@code new/} holds messages being written. */
  private static boolean inMaildirTmp(Path file) {
    Path parent = file.getParent();
    Path maildir = parent == null ? null : parent.getParent();
    return parent != null && maildir != null && "tmp".equals(String.valueOf(parent.getFileName()))
        && (Files.isDirectory(maildir.resolve("cur")) || Files.isDirectory(maildir.resolve("new")));
  }

  private static String notAReport(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".eml") || n.endsWith(".msg") || n.endsWith(".mbox")) {
      return "named like mail but neither a message (it does not start with a header field) nor an"
          + " mbox file (it does not start with \"From \")";
    }
    if (n.endsWith(".gz") || n.endsWith(".zip")) {
      return "not a report: only .json and .json.gz files are read (rename a gzip report to .json.gz)";
    }
    return NOT_A_REPORT;
  }
}
