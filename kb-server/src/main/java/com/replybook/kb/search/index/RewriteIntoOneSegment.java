package com.replybook.kb.search.index;

import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;

import java.util.List;
import java.util.Map;

/**
 * The merge policy of a rebuild's final {@code forceMerge(1)}: every segment written before it into one, even when
 * there is only one. {@code forceMerge} leaves a single segment as it is, but a rebuild writes its segments without
 * HNSW graphs ({@link EntryIndex}) and counts on this merge to build them. Natural merges are the wrapped policy's.
 */
final class RewriteIntoOneSegment extends FilterMergePolicy {

    RewriteIntoOneSegment(MergePolicy natural) {
        super(natural);
    }

    @Override
    public MergeSpecification findForcedMerges(SegmentInfos infos, int maxSegmentCount,
                                               Map<SegmentCommitInfo, Boolean> segmentsToMerge,
                                               MergeContext context) {
        // TRUE marks the segments the forceMerge call started with; its own result is marked FALSE.
        List<SegmentCommitInfo> written = infos.asList().stream()
                .filter(info -> Boolean.TRUE.equals(segmentsToMerge.get(info)))
                .filter(info -> !context.getMergingSegments().contains(info))
                .toList();
        if (written.isEmpty()) return null;
        MergeSpecification spec = new MergeSpecification();
        spec.add(new OneMerge(written));
        return spec;
    }
}
