package org.logmaster.collector.index;

class EventSearchH2Test extends EventSearchContract {
    @Override
    IndexConfig emptyIndex() {
        return IndexConfig.h2(dataDir);
    }
}
