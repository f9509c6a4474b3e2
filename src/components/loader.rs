use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::components::{ErrorView, PageReady};
use crate::http::FetchError;
use crate::pages::NotFound;

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
                            view! { <ErrorView error=error on_retry=move |_| resource.refetch()/> <PageReady/> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}
