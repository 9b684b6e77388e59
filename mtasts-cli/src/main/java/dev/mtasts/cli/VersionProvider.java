package dev.mtasts.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version recorded in the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
  VersionProvider() {}

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"mtasts " + (version == null ? "(development build)" : version)};
  }
}
