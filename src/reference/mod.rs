//! Reference data compiled into the binary, looked up by the stages that need it: the ITU
//! Member States and their names ([`member_states`]). Nothing here reads an input.

pub mod member_states;
