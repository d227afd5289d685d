package io.zsync.dashboard.streams;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * One memory budget for every RocksDB store of the dashboard, the bounded-memory setup of the Kafka Streams
 * memory-management guide: a block cache shared by all stores, which also holds their index and filter blocks,
 * and memtables counted against it. Without it each of the stores' fifteen-odd RocksDB instances (five stores,
 * three partitions, window segments) allocates its own memtable arenas on first write and its own cache as it
 * reads.
 *
 * <p>Kafka Streams' own default gives every store instance a 50 MB block cache, so the stores alone could grow
 * past a gigabyte as lineage accumulates; here they stay within the budget whatever the data. Sizes come from the
 * Streams configuration ({@value #TOTAL_BYTES}, {@value #MEMTABLE_BYTES}); the first store
 * opened fixes them for the process, since the objects are shared and live as long as it.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String TOTAL_BYTES = "zsync.rocksdb.total.bytes";
    public static final String MEMTABLE_BYTES = "zsync.rocksdb.memtable.bytes";
    static final long DEFAULT_TOTAL_BYTES = 16L * 1024 * 1024;
    static final long DEFAULT_MEMTABLE_BYTES = 4L * 1024 * 1024;
    /** Per store: small memtables, so an idle store's arena stays small; two of them, so a flush never blocks writes. */
    static final long WRITE_BUFFER_BYTES = 1024L * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BoundedRocksDbMemory.class);

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache(configs));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write-buffer manager are shared by every store: never closed with one of them
    }

    private static synchronized Cache sharedCache(Map<String, Object> configs) {
        if (cache == null) {
            RocksDB.loadLibrary();
            long total = bytes(configs, TOTAL_BYTES, DEFAULT_TOTAL_BYTES);
            long memtables = Math.min(bytes(configs, MEMTABLE_BYTES, DEFAULT_MEMTABLE_BYTES), total / 2);
            cache = new LRUCache(total, -1, false, 0.1);
            writeBuffers = new WriteBufferManager(memtables, cache);
            LOG.info("RocksDB stores share {} bytes of block cache, {} of them for memtables", total, memtables);
        }
        return cache;
    }

    static long bytes(Map<String, Object> configs, String key, long fallback) {
        Object value = configs.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            return fallback;
        }
        long bytes = Long.parseLong(String.valueOf(value).trim());
        if (bytes <= 0) {
            throw new IllegalArgumentException(key + " must be a positive number of bytes, not " + value);
        }
        return bytes;
    }
}
