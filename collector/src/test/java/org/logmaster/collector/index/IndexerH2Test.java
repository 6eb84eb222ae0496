package org.logmaster.collector.index;

class IndexerH2Test extends IndexerContract {
    @Override
    IndexConfig emptyIndex() {
        return IndexConfig.h2(dataDir);
    }
}
