//! Memory accounting per thread, so that one SPARQL query can be given a memory budget.
//!
//! [`MeteredAllocator`] wraps the system allocator and keeps, for each thread, the bytes it
//! has allocated and not yet freed. A binary opts in by installing it as its global
//! allocator; without it [`allocated_on_this_thread`] stays at zero and budgets never trip.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    // Const-initialised and without a destructor, so that reading them never allocates: the
    // allocator itself uses them.
    static ALLOCATED: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

/// The system allocator, counting what each thread holds. Install it with
/// `#[global_allocator] static ALLOCATOR: MeteredAllocator = MeteredAllocator;`.
pub struct MeteredAllocator;

fn add(bytes: isize) {
    // `try_with` fails only while the thread is being torn down; nothing is metered then.
    let _ = ALLOCATED.try_with(|allocated| {
        let now = allocated.get().wrapping_add(bytes);
        allocated.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every method forwards to `System` with the same arguments; the bookkeeping neither
// allocates nor unwinds.
unsafe impl GlobalAlloc for MeteredAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            add(layout.size() as isize);
        }
        pointer
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let pointer = unsafe { System.alloc_zeroed(layout) };
        if !pointer.is_null() {
            add(layout.size() as isize);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(pointer, layout) };
        add(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let new_pointer = unsafe { System.realloc(pointer, layout, new_size) };
        if !new_pointer.is_null() {
            add(new_size as isize - layout.size() as isize);
        }
        new_pointer
    }
}

/// Bytes this thread has allocated and not freed since it started (memory freed by another
/// thread is not subtracted). Zero when [`MeteredAllocator`] is not the global allocator.
pub fn allocated_on_this_thread() -> usize {
    ALLOCATED.with(Cell::get).max(0) as usize
}

/// The most [`allocated_on_this_thread`] has been since the thread started.
pub fn peak_on_this_thread() -> usize {
    PEAK.with(Cell::get).max(0) as usize
}

/// Gives memory that has been freed back to the operating system. glibc keeps freed memory
/// in per-thread arenas, so after one large query the process would otherwise stay as large
/// as its peak.
pub fn return_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: `malloc_trim` only releases free pages of glibc's own arenas; it takes no
        // pointer and is safe to call from any thread at any time.
        unsafe {
            malloc_trim(0);
        }
    }
}
