package org.logmaster.collector.index;

class EventFieldSearchH2Test extends EventFieldSearchContract {
    @Override
    IndexConfig emptyIndex() {
        return IndexConfig.h2(dataDir);
    }
}
