//! Mount only: the browser bundle's entry point.

fn main() {
    #[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
    kiosque::start();
}
