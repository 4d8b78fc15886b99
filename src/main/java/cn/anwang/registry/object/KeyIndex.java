package cn.anwang.registry.object;

import java.nio.charset.StandardCharsets;

/**
 * The first row number of each key seen in an import, by a 64-bit hash of the key: an open
 * addressing table of two arrays, about 24 bytes per key instead of the hundred or more of a {@code
 * HashMap<String, Integer>}, so that the duplicates of a 300,000-row file fit in a few megabytes.
 * Two different keys share a hash with probability about n²/2⁶⁵ (2·10⁻⁹ for 300,000 keys); such a
 * pair would be reported as duplicates.
 */
final class KeyIndex {

  private long[] hashes;
  private int[] rows;
  private int size;

  KeyIndex() {
    hashes = new long[1 << 12];
    rows = new int[1 << 12];
  }

  /**
   * Records the key's row unless the key was seen before.
   *
   * @return the row the key was first seen in, or 0 when it is new (rows count from 1)
   */
  int putIfAbsent(String key, int row) {
    if (size * 2 >= hashes.length) {
      grow();
    }
    long hash = hash(key);
    int mask = hashes.length - 1;
    int i = (int) (hash ^ (hash >>> 32)) & mask;
    while (rows[i] != 0) {
      if (hashes[i] == hash) {
        return rows[i];
      }
      i = (i + 1) & mask;
    }
    hashes[i] = hash;
    rows[i] = row;
    size++;
    return 0;
  }

  private void grow() {
    long[] oldHashes = hashes;
    int[] oldRows = rows;
    hashes = new long[oldHashes.length * 2];
    rows = new int[oldRows.length * 2];
    int mask = hashes.length - 1;
    for (int j = 0; j < oldHashes.length; j++) {
      if (oldRows[j] != 0) {
        long hash = oldHashes[j];
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (rows[i] != 0) {
          i = (i + 1) & mask;
        }
        hashes[i] = hash;
        rows[i] = oldRows[j];
      }
    }
  }

  /** FNV-1a over the UTF-8 bytes, then a 64-bit finaliser (MurmurHash3's fmix64). */
  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
