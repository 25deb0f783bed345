//! The instance's allocator: [talc](https://crates.io/crates/talc), with the memory grown by what an
//! allocation lacks rather than by its whole size.
//!
//! Wasm memory never shrinks, so its peak is what a page costs for as long as the instance lives.
//! Rust's default wasm allocator (dlmalloc), and talc's own wasm source, grow the memory by the whole
//! size of an allocation that does not fit, even when free memory at the top of the heap holds most
//! of it: the article extraction's per-node table (1.2 MB on a 258 KB page) grew the memory by its
//! size beside 0.5 MB that clutter detection had just freed there. Here the heap is extended in
//! small steps, and talc retries the allocation after each, so the free top is used first.

#![allow(unsafe_code)]

use core::alloc::Layout;
use core::arch::wasm32::{memory_grow, memory_size};
use core::ptr::NonNull;

use talc::base::binning::Binning;
use talc::base::{Talc, CHUNK_UNIT};
use talc::cell::TalcSyncCell;
use talc::source::Source;
use talc::wasm::WasmBinning;

/// Wasm's page size.
const PAGE_BYTES: usize = 64 * 1024;

/// While the heap is extended, the memory grows at a time by this share of the allocation asked
/// for (at least a page): talc retries after each step, so a large allocation takes at most this
/// many steps, and the memory grows by at most this share more than the allocation lacks. (One
/// page at a time made a 30 MB page's analysis twice as slow: thousands of steps for its largest
/// vectors.)
const GROWTH_STEPS: usize = 16;

#[global_allocator]
static ALLOCATOR: TalcSyncCell<GrowByShortfall, WasmBinning> =
    TalcSyncCell::new_wasm(GrowByShortfall { heap: None });

/// Talc's source of memory: grows the wasm memory, extending the heap it claimed last.
#[derive(Debug)]
struct GrowByShortfall {
    /// The heap's end as talc gave it, and the end of the memory when the heap last grew.
    heap: Option<(NonNull<u8>, usize)>,
}

// SAFETY: `acquire` allocates nothing and touches the allocator only through `talc`.
unsafe impl Source for GrowByShortfall {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        let memory_end = memory_size::<0>() * PAGE_BYTES;
        // The heap can be extended while it ends where the memory did (nothing else grows it).
        let heap_end = talc
            .source
            .heap
            .filter(|&(_, grown_to)| grown_to == memory_end)
            .map(|(end, _)| end);
        // Extending the heap: a step, and talc tries again. Starting a heap: all `layout` needs,
        // with room for the heap's own metadata and the alignment.
        let pages = match heap_end {
            Some(_) => (layout.size() / GROWTH_STEPS).div_ceil(PAGE_BYTES).max(1),
            None => (layout.size() + layout.align() + 4 * CHUNK_UNIT).div_ceil(PAGE_BYTES),
        };
        let previous_pages = memory_grow::<0>(pages);
        if previous_pages == usize::MAX {
            return Err(());
        }
        let base = (previous_pages * PAGE_BYTES) as *mut u8;
        let grown_to = (previous_pages + pages) * PAGE_BYTES;
        let end = match heap_end {
            // SAFETY: the memory from the heap's end to `grown_to` was just grown (the heap ended
            // where the memory did) and is the heap's to take.
            Some(end) => unsafe { talc.extend(end, grown_to as *mut u8) },
            // SAFETY: the memory at `base` was just grown and nothing else uses it.
            None => unsafe { talc.claim(base, pages * PAGE_BYTES) }.ok_or(())?,
        };
        talc.source.heap = Some((end, grown_to));
        Ok(())
    }
}
