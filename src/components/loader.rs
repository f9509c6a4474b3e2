use std::future::Future;

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::components::{ErrorView, NewerPage, NotFound, PageReady};
use crate::context::use_ctx;
use kiosque_core::http::FetchError;
use kiosque_core::source::Source;

/// A page's data: `fetch(source, key)` whenever `key` changes. When the value
/// came with a prerendered page, it is fetched again in the background after
/// hydration and replaced only if it changed, so a corrected article shows its
/// correction and an unchanged page is left untouched. Under a reader writing
/// in the page, newer data is offered (`UpdateNotice`), not swapped in.
pub fn page_resource<K, T, Fut>(
    key: impl Fn() -> K + Clone + Send + Sync + 'static,
    fetch: impl Fn(Source, K) -> Fut + Clone + Send + Sync + 'static,
) -> Resource<Result<T, FetchError>>
where
    K: PartialEq + Clone + Send + Sync + 'static,
    T: Clone + PartialEq + Send + Sync + Serialize + DeserializeOwned + 'static,
    Fut: Future<Output = Result<T, FetchError>> + Send + 'static,
{
    let source = use_ctx().source;
    let newer = use_context::<NewerPage>();
    let (load, first_source) = (fetch.clone(), source.clone());
    let resource = Resource::new(key.clone(), move |k| load(first_source.clone(), k));
    // Created while hydrating: the value came with the page.
    let hydrating = Owner::current_shared_context().is_some_and(|c| c.during_hydration());
    if hydrating {
        // Once, for the key the page was hydrated with: a later key (another
        // category on the same page component) is the resource's own fetch.
        Effect::new(move |_| {
            let (fetch, source, key, newer) = (fetch.clone(), source.clone(), key.clone(), newer.clone());
            let k = untrack(&key);
            leptos::task::spawn_local(async move {
                let fresh = fetch(source, k.clone()).await;
                let usable = matches!(fresh, Ok(_) | Err(FetchError::NotFound));
                // The reader may have left the page while the live source
                // answered (a slow WordPress): its resource is gone then, and
                // the answer is dropped, not written into a disposed value.
                let Some(shown) = resource.try_get_untracked() else {
                    return;
                };
                // Or moved to another page of the same kind, whose data must
                // not be replaced by this older page's.
                if untrack(&key) != k {
                    return;
                }
                if !usable || shown.as_ref() == Some(&fresh) {
                    return;
                }
                // Nor under a reader writing in the page (a comment begun
                // before the app came): the rebuilt view would drop the text
                // and the focus. The reader is offered it instead (until they
                // leave the page: `NavEffects` then withdraws the offer).
                let apply = move || {
                    let _ = resource.try_set(Some(fresh));
                };
                match &newer {
                    Some(newer) if crate::platform::reader_is_writing() => newer.offer(apply),
                    _ => apply(),
                }
            });
        });
    }
    resource
}

/// Renders a page's data once loaded: the skeleton while waiting, the 404
/// view for "not found", the error view with retry for anything else.
#[component]
pub fn Loaded<T, V, R>(
    resource: Resource<Result<T, FetchError>>,
    /// Sized like the real layout, so nothing shifts.
    skeleton: fn() -> AnyView,
    render: R,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    view! {
        <Suspense fallback=move || skeleton()>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => view! { {render(data)} <PageReady/> }.into_any(),
                        Err(FetchError::NotFound) => view! { <NotFound/> }.into_any(),
                        Err(error) => {
                            crate::prerender::report_unprerenderable(format!("load failed: {error}"));
                            view! { <ErrorView error=error on_retry=move |_| resource.refetch()/> <PageReady/> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}
