/**
 * The {@code _mta-sts} and {@code _smtp._tls} TXT records: models, parsers, serializers, policy ids
 * and DNS lookups built on dnsjava.
 */
@org.jspecify.annotations.NullMarked
module dev.mtasts.dns {
  requires static transitive org.jspecify;
  requires transitive dev.mtasts.policy;
  requires org.dnsjava;

  exports dev.mtasts.dns;
}
