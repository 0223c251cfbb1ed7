import type { SystemRole } from '@phonghop/shared';

export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoAccount {
  username: string;
  fullName: string;
  position: string;
  unit: string;
  role: SystemRole;
}

const UBND = 'UBND huyện Phụng Hiệp';
const VP = 'Văn phòng HĐND và UBND huyện';

/** A district People's Committee as it sits in its regular meeting; the README lists the same table. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', position: 'Chuyên viên công nghệ thông tin', unit: VP, role: 'admin' },
  { username: 'thuky', fullName: 'Nguyễn Thị Thu Hà', position: 'Chuyên viên', unit: VP, role: 'secretary' },
  { username: 'chutich', fullName: 'Trần Văn Minh', position: 'Chủ tịch UBND huyện', unit: UBND, role: 'member' },
  { username: 'pct.nam', fullName: 'Lê Hoàng Nam', position: 'Phó Chủ tịch UBND huyện', unit: UBND, role: 'member' },
  { username: 'pct.lan', fullName: 'Phạm Thị Lan', position: 'Phó Chủ tịch UBND huyện', unit: UBND, role: 'member' },
  { username: 'cvp.son', fullName: 'Bùi Thanh Sơn', position: 'Chánh Văn phòng', unit: VP, role: 'member' },
  { username: 'tp.noivu', fullName: 'Võ Quốc Bảo', position: 'Trưởng phòng', unit: 'Phòng Nội vụ', role: 'member' },
  { username: 'tp.taichinh', fullName: 'Đặng Thị Mai', position: 'Trưởng phòng', unit: 'Phòng Tài chính – Kế hoạch', role: 'member' },
  { username: 'tp.tuphap', fullName: 'Huỳnh Văn Tâm', position: 'Trưởng phòng', unit: 'Phòng Tư pháp', role: 'member' },
  // The projector's account: added to a meeting with the display role, it only watches.
  { username: 'maychieu', fullName: 'Màn hình phòng họp số 1', position: 'Màn hình trình chiếu', unit: VP, role: 'member' },
];
