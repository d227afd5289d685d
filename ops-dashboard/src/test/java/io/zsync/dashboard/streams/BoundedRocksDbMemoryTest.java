package io.zsync.dashboard.streams;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedRocksDbMemoryTest {

    @Test
    void shouldGiveEveryStoreSmallMemtablesCountedInTheSharedCache() {
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        try (Options options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig());

            setter.setConfig("lineage", options, Map.of(BoundedRocksDbMemory.TOTAL_BYTES, "8388608"));

            assertThat(options.writeBufferSize()).isEqualTo(BoundedRocksDbMemory.WRITE_BUFFER_BYTES);
            assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            setter.close("lineage", options);
        }
    }

    @Test
    void shouldReadSizesFromTheStreamsConfigAndRefuseNonsense() {
        assertThat(BoundedRocksDbMemory.bytes(Map.of(), BoundedRocksDbMemory.TOTAL_BYTES, 42)).isEqualTo(42);
        assertThat(BoundedRocksDbMemory.bytes(Map.of(BoundedRocksDbMemory.TOTAL_BYTES, " 1024 "),
                BoundedRocksDbMemory.TOTAL_BYTES, 42)).isEqualTo(1024);
        assertThatThrownBy(() -> BoundedRocksDbMemory.bytes(Map.of(BoundedRocksDbMemory.TOTAL_BYTES, "0"),
                BoundedRocksDbMemory.TOTAL_BYTES, 42)).hasMessageContaining(BoundedRocksDbMemory.TOTAL_BYTES);
    }
}
