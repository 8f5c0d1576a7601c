//! Reference data compiled into the binary, looked up by the stages that need it: the ITU
//! Member States and their names ([`member_states`]), their telecommunication regulators and
//! ministries ([`regulators`]), and what symbol fonts draw ([`symbol_fonts`]). Nothing here
//! reads an input.

pub mod member_states;
pub mod regulators;
pub mod symbol_fonts;
