package org.logmaster.collector.attribution;

class AttributionFeedH2Test extends AttributionFeedContract {
    @Override
    TestIndex emptyIndex() {
        return TestIndex.h2();
    }
}
