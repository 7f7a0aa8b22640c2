//! Small helpers to build Talk's long, ordered JSON objects.

use crate::json::Node;

/// An object built field by field, in the server's order.
pub(crate) struct MapBuilder(Vec<(String, Node)>);

pub(crate) fn map() -> MapBuilder {
    MapBuilder(Vec::new())
}

impl MapBuilder {
    pub(crate) fn f(mut self, key: &str, value: impl Into<Node>) -> MapBuilder {
        self.0.push((key.to_owned(), value.into()));
        self
    }

    pub(crate) fn push(&mut self, key: &str, value: impl Into<Node>) {
        self.0.push((key.to_owned(), value.into()));
    }

    pub(crate) fn build(self) -> Node {
        Node::Map(self.0)
    }
}

/// A `user` rich object parameter (123, 129).
pub(crate) fn user_param(id: &str, name: &str) -> Node {
    map()
        .f("type", "user")
        .f("id", id)
        .f("name", name)
        .f("mention-id", id)
        .build()
}
