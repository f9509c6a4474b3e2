//! The wire form of the model's tagged enums (`{"type": "paragraph", …}`),
//! read without serde's buffering.
//!
//! Why not `#[serde(tag = "type")]`: serde cannot know where the tag is, so
//! it reads every object into its generic `Content` tree first and then reads
//! the variant from that tree. That second reader is compiled again for every
//! type under [`Block`](super::Block): 107 KB of the wasm before wasm-opt
//! (bench/size-notes.md). Kiosque always writes `type` first, so the enums
//! derive serde's plain (externally tagged) form under
//! `#[serde(remote = "Self")]`, and [`deserialize`] and [`TagFirstWriter`] translate:
//! the tag is read first and the rest of the object goes straight to the
//! variant. An object whose `type` is not first (a hand-written file, a tool
//! that sorts keys) is buffered and read again with `type` first: slower,
//! same result.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, Error as _, IgnoredAny, IntoDeserializer, MapAccess,
    VariantAccess, Visitor,
};
use serde_json::Value;

mod write;
pub(super) use write::TagFirstWriter;

const TAG: &str = "type";

/// An enum whose serde derive is the externally tagged one, kept as inherent
/// functions by `#[serde(remote = "Self")]`.
pub(super) trait Tagged: DeserializeOwned {
    fn from_variant<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

/// Reads `{"type": tag, fields…}` as the enum's variant `tag`.
pub(super) fn deserialize<'de, T: Tagged, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(TagFirst(PhantomData))
}

struct TagFirst<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TagFirst<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with a `type`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        match map.next_key::<Str<'de>>()? {
            Some(Str(key)) if key == TAG => {
                let Str(tag) = map.next_value()?;
                T::from_variant(Variant { tag, map })
            }
            Some(Str(key)) => reordered(key, map),
            None => Err(A::Error::missing_field(TAG)),
        }
    }
}

/// A key or a tag, borrowed from the input when it can be.
struct Str<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The slow path: the whole object, written again with `type` first (and so
/// every object inside it), then read by the fast path.
fn reordered<'de, T: DeserializeOwned, A: MapAccess<'de>>(first: Cow<'de, str>, mut map: A) -> Result<T, A::Error> {
    let mut fields = serde_json::Map::new();
    fields.insert(first.into_owned(), map.next_value()?);
    while let Some(Str(key)) = map.next_key()? {
        fields.insert(key.into_owned(), map.next_value()?);
    }
    if !fields.contains_key(TAG) {
        return Err(A::Error::missing_field(TAG));
    }
    let mut json = String::new();
    write_tag_first(&Value::Object(fields), &mut json);
    // The inner error's position is in the rewritten text; the outer
    // reader adds the real one after this message.
    serde_json::from_str(&json)
        .map_err(|e| A::Error::custom(format_args!("{e} (in an object whose `type` is not its first key)")))
}

fn write_tag_first(v: &Value, out: &mut String) {
    match v {
        Value::Object(fields) => {
            out.push('{');
            let tag = fields.get_key_value(TAG);
            let rest = fields.iter().filter(|(k, _)| *k != TAG);
            for (i, (k, v)) in tag.into_iter().chain(rest).enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::from(k.as_str()).to_string());
                out.push(':');
                write_tag_first(v, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_tag_first(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The tag read, and the rest of the object: what the derived externally
/// tagged visitor sees as `{tag: {fields…}}`.
struct Variant<'de, A> {
    tag: Cow<'de, str>,
    map: A,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for Variant<'de, A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, A::Error> {
        Err(A::Error::custom("a tagged object is read as an enum"))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for Variant<'de, A> {
    type Error = A::Error;
    type Variant = Fields<A>;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Fields<A>), A::Error> {
        let tag = match self.tag {
            Cow::Borrowed(s) => seed.deserialize(BorrowedStrDeserializer::new(s))?,
            Cow::Owned(s) => seed.deserialize(IntoDeserializer::<A::Error>::into_deserializer(s.as_str()))?,
        };
        Ok((tag, Fields(self.map)))
    }
}

struct Fields<A>(A);

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for Fields<A> {
    type Error = A::Error;

    /// A variant without fields (or an unknown one): the rest is skipped.
    fn unit_variant(mut self) -> Result<(), A::Error> {
        while self.0.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, _: S) -> Result<S::Value, A::Error> {
        Err(A::Error::custom("a tagged variant has named fields"))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, A::Error> {
        Err(A::Error::custom("a tagged variant has named fields"))
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self.0)
    }
}

/// `impl Serialize` and `impl Deserialize` for an enum deriving serde's
/// externally tagged form under `#[serde(remote = "Self")]`.
macro_rules! tagged_by_type {
    ($ty:ty) => {
        impl $crate::model::tagged::Tagged for $ty {
            fn from_variant<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$ty>::deserialize(d)
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::model::tagged::deserialize(d)
            }
        }
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                <$ty>::serialize(self, $crate::model::tagged::TagFirstWriter(s))
            }
        }
    };
}
pub(super) use tagged_by_type;

#[cfg(test)]
mod tests;
