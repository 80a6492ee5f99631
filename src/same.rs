//! Shared values compared by identity.

use std::rc::Rc;

/// An `Rc` compared by identity: a dependency on a value another memo or
/// render made, without comparing the whole value at every render.
pub struct Same<T>(pub Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
