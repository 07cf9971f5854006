/**
 * The passwords people pick first, folded (lower case, no diacritics): the most common ones of the public leak
 * lists, the Vietnamese ones (mật khẩu, anh yêu em…), the names of this product and its demo province. A password
 * is refused when it is one of these, or one of these with digits or signs before or after ("matkhau@2026").
 * Kept small on purpose: it ships to the browser too, and the length rule already refuses the short ones.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
123456 123456789 12345678 1234567890 0123456789 987654321 9876543210 1234567 12345 123123 123321 654321 111111
000000 666666 888888 88888888 999999 11111111 1111111111 112233 121212 147258369 159753 12341234 123123123
1q2w3e4r 1q2w3e4r5t 1qaz2wsx zaq12wsx q1w2e3r4 q1w2e3r4t5 1234qwer qazwsx qwerty qwerty123 qwertyuiop asdfghjkl
asdf1234 zxcvbnm zxcvbnm123 abc123 abcd1234 abcde12345 abcdef a123456 aa123456 abc12345 123abc 123qwe qwe123
password password1 password123 passw0rd p@ssw0rd p@ssword pass1234 admin admin123 administrator root toor
letmein welcome iloveyou iloveu trustno1 monkey dragon master sunshine princess football baseball superman batman
whatever starwars shadow michael login secret changeme default guest test test123 demo user hello hello123
freedom computer internet samsung google facebook minecraft pokemon naruto lovely loveyou
matkhau matkhau123 matkhaucuatoi matkhaumoi matkhaumacdinh anhyeuem emyeuanh anhyeuemnhieu yeuemnhieu yeuanh
yeuem yeuemmaimai vietnam vietnamvodich hanoi saigon hochiminh danang haiphong cantho xinchao khongbiet
conmeo meomeo thanhcong thanhnien doanthanhnien tinhuy dangbo dangbotinh dangcongsan dangcongsanvietnam bithu
vanthu vanphong quantri quantrivien quanly hethong coquan congvan chibo uyban ubnd nguyen hoang huynh
baove baomat taikhoan dangnhap
anlac anlac2026 anlac123 tinhuyanlac quyche quyche2026 quyche123 tanlap
`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
