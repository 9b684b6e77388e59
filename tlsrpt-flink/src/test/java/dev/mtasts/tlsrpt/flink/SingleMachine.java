package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.mail.MailOutcome;
import dev.mtasts.tlsrpt.mail.MailParseException;
import dev.mtasts.tlsrpt.mail.MailSource;
import dev.mtasts.tlsrpt.mail.ReportAttachment;
import dev.mtasts.tlsrpt.mail.ReportMail;
import dev.mtasts.tlsrpt.mail.ReportMailReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads folders on one machine with the SDK's readers, as a user without Flink would. */
final class SingleMachine {
  final List<TlsRptReport> reports = new ArrayList<>();
  final List<Path> unreadable = new ArrayList<>();

  static SingleMachine read(List<Path> dirs) throws IOException {
    SingleMachine s = new SingleMachine();
    for (Path dir : dirs) {
      List<Path> files;
      try (Stream<Path> w = Files.walk(dir)) {
        files = w.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith(".")
                && !p.getFileName().toString().startsWith("_"))
            .sorted().toList();
      }
      for (Path f : files) {
        s.file(f);
      }
    }
    return s;
  }

  private void file(Path f) throws IOException {
    byte[] b = Files.readAllBytes(f);
    List<TlsRptReport> found = new ArrayList<>();
    try {
      Optional<MailSource.Kind> mail = MailSource.detect(b);
      if (mail.isEmpty()) {
        found.add(TlsRptReader.lenient().read(b).value());
      } else if (mail.get() == MailSource.Kind.MBOX) {
        MailSource.readMbox(new ByteArrayInputStream(b), f.toString(), ReportMailReader.lenient(),
            e -> collect(e.outcome(), found));
      } else {
        collect(ReportMailReader.lenient().read(b), found);
      }
    } catch (ReportParseException | MailParseException e) {
      unreadable.add(f);
      return;
    }
    reports.addAll(found);
  }

  private void collect(MailOutcome o, List<TlsRptReport> found) {
    if (o instanceof ReportMail m) {
      for (ReportAttachment a : m.attachments()) {
        found.add(a.report());
      }
    }
  }
}
